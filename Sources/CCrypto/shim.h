#ifndef BEREIK_CCRYPTO_SHIM_H
#define BEREIK_CCRYPTO_SHIM_H
// OpenSSL's libcrypto: only the EVP message-digest API (SHA-256 of input files).
#include <openssl/evp.h>
#endif
