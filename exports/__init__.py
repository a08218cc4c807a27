"""Outputs for the province and for managers: Excel, PDF, packages. Read models; never ui/; no Qt."""
