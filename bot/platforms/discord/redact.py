"""Keep tokens out of logs: discord.py's debug logs show webhook URLs and gateway payloads,
which carry interaction tokens; the bot token is masked wherever it might appear."""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    (re.compile(r"(/(?:interactions/\d+|webhooks/\d+)/)[^/\s?'\"]+"), r"\1[token]"),
    (re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+"""), r"\1[token]"),
)
LOGGERS = ("discord", "discord.http", "discord.gateway", "discord.webhook.async_", "discord.client")


class TokenRedactor(logging.Filter):
    def __init__(self, secret: str = "") -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        cleaned = text.replace(self.secret, "[token]") if self.secret else text
        for pattern, replacement in _PATTERNS:
            cleaned = pattern.sub(replacement, cleaned)
        if cleaned != text:
            record.msg, record.args = cleaned, None
        return True


def install(secret: str) -> TokenRedactor:
    redactor = TokenRedactor(secret)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, TokenRedactor)]:
            logger.removeFilter(old)
        logger.addFilter(redactor)
    return redactor
