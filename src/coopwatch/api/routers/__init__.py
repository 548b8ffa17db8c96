"""API routers, one per noun."""
