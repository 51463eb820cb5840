"""watcher: watches article pages and tells an analyst when a figure or a claim in them changes."""

__version__ = "0.1.0"
