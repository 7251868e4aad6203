"""The daily-quiz scheduler: jobs that post, close and sum up scheduled channel quizzes."""
