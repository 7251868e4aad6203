"""The platform-neutral quiz core.

It talks to storage through :class:`bot.engine.ports.QuizStore` and to chat platforms
through :class:`bot.engine.ports.ChatPlatform`; it never imports a chat SDK, a
scheduler or SQLAlchemy. Adapters turn :mod:`bot.engine.errors` into user messages.
"""
