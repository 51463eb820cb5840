"""What is shown: the diff data (diff), terminal/JSON/HTML/Markdown formats (formats, markdown),
what report pages show (views) and which sources they list (sources), Jinja2 templates (templating, templates/), the static site (site)
and the review UI of ``watcher serve`` (web, imported on use: it pulls in Starlette).
"""

from .diff import DiffReport, build
from .site import change_html, write_site
from .sources import health
from .views import change_view

__all__ = ["DiffReport", "build", "change_html", "change_view", "health", "write_site"]
