"""Hooks: Orthanc's Lua callbacks and Python callbacks, on one dispatcher.

:func:`hooks_from_config` builds the :class:`Dispatcher` of a configuration, with the Lua
front end when ``LuaScripts`` or ``ExecuteLuaEnabled`` ask for it and the Python front end
when ``PythonScripts`` names modules. The application starts it once its event loop runs
(:class:`HookServer`), and stops it (``Finalize``) at shutdown.
"""

from __future__ import annotations

from lethe.config import Config
from lethe.hooks.dispatcher import Dispatcher, Event, EventName, FrontEnd, ServerApi
from lethe.hooks.server import HookServer

__all__ = ["Dispatcher", "Event", "EventName", "FrontEnd", "HookServer", "ServerApi",
           "hooks_from_config"]


def hooks_from_config(config: Config) -> tuple[Dispatcher, object | None]:
    """The dispatcher of ``config`` and its Lua front end (None without Lua). Importing
    lupa is skipped when no Lua is configured."""
    dispatcher = Dispatcher()
    lua = None
    if config.LuaScripts or config.ExecuteLuaEnabled:
        from lethe.hooks.lua import LuaFrontEnd

        lua = LuaFrontEnd(list(config.LuaScripts))
        dispatcher.front_ends.append(lua)
    if config.PythonScripts:
        from lethe.hooks.python import PythonFrontEnd

        dispatcher.front_ends.append(PythonFrontEnd(list(config.PythonScripts)))
    return dispatcher, lua
