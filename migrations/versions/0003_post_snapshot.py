"""posts keep the question as shown (stem, choices, answer)

A bank edit synced while a post is open must not change what a click on a letter means, nor the
reveal's counts. Older posts keep NULL and read the question row, as before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 14:05:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shown_stem", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("shown_choices", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("shown_answer", sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_column("shown_answer")
        batch_op.drop_column("shown_choices")
        batch_op.drop_column("shown_stem")
