"""Helpers for bench/tls.py: reading Timeline17 and scoring with tilse."""
