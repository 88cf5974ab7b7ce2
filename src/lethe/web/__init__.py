"""The web interface: static files (HTML, CSS, JavaScript modules) served at ``/ui/``.

No build step: ``static/`` is what the browser loads. The interface is a client of the REST API
like any other (see ``docs``: design section 12)."""
