"""Storage: SQLAlchemy models, database setup and the engine's QuizStore adapter."""
