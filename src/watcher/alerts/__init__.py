"""Alerts: recording them (record), their message bodies (messages), delivering them (deliver) and
the Apprise notifier URLs (channels).

Only channels is re-exported here: the config imports this package to check notify URLs, and that
must not pull in the store, the comparison or the delivery machinery (deliver itself needs the
config). Import the others by their module: ``watcher.alerts.record``, ``watcher.alerts.deliver``,
``watcher.alerts.messages``.
"""

from .channels import Notifier, check_url, key_of, mask_url, notifier, plugin_for

__all__ = ["Notifier", "check_url", "key_of", "mask_url", "notifier", "plugin_for"]
