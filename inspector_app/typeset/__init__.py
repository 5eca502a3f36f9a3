"""Chinese typesetting shared by every printed paper: fonts, 避头尾 line breaking, text blocks, pages."""
