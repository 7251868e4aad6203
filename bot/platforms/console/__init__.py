"""The terminal platform: the reference adapter of the engine's ChatPlatform port."""
