"""The config: what keys a file may hold (keys), loading it into a resolved Config (model), and the
file watch that reloads it (watch).
"""

from .keys import parse_duration
from .model import Config, ConfigError, NotifyTarget, SiteRules, Source, load
from .watch import ConfigWatcher

__all__ = ["Config", "ConfigError", "ConfigWatcher", "NotifyTarget", "SiteRules", "Source", "load", "parse_duration"]
