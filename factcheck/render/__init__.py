"""Stage 6, render: every output format, each built from the same report records."""

from factcheck.render.json import render_json
from factcheck.render.markdown import render_markdown
from factcheck.render.terminal import render_rich

__all__ = ["render_json", "render_markdown", "render_rich"]
