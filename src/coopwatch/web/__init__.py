"""The web pages: Jinja2 templates over the same queries as the API."""
