"""The config: the TOML file's model and validation (model), and the file watch that reloads it (watch).
"""

from .model import Config, ConfigError, NotifyTarget, SiteRules, Source, load, parse_duration
from .watch import ConfigWatcher

__all__ = ["Config", "ConfigError", "ConfigWatcher", "NotifyTarget", "SiteRules", "Source", "load", "parse_duration"]
