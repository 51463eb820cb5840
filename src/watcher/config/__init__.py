"""The config: what keys a file may hold (keys), feeds and retention (feeds), the resolved source
(source), loading a file into a resolved Config (model), its errors (errors), and the file watch
that reloads it (watch).
"""

from .errors import ConfigError
from .feeds import Feed, Retention
from .keys import parse_duration
from .model import Config, load
from .source import NotifyTarget, SiteRules, Source
from .watch import ConfigWatcher

__all__ = ["Config", "ConfigError", "ConfigWatcher", "Feed", "NotifyTarget", "Retention", "SiteRules", "Source",
           "load", "parse_duration"]
