"""Inspector: offline inspections of education groups (集团化办学督导考核)."""
__version__ = "0.1.0"
