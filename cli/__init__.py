"""The command line: works without a display and never imports Qt."""
