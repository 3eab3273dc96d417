import Access
public enum MapsPlaceholder {}
