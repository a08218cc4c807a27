"""The window a bureau clerk works in. Calls models and exports; nothing below imports this."""
