// The plain value types of the model (coordinates, geometries, envelopes,
// attribute values) are Geo's, in pure Swift. Access passes them on, so that
// its clients (Maps, the CLI) name them without importing the C-interop layer.
@_exported import struct Geo.Coordinate
@_exported import struct Geo.Envelope
@_exported import enum Geo.Geometry
@_exported import enum Geo.FieldValue
