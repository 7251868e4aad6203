"""Chat platform adapters. Each only translates between its platform and the engine."""
