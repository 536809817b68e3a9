"""Widgets: the dock panel, map tools, dialogs and the options page."""
