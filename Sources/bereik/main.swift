import Access
print("bereik")
