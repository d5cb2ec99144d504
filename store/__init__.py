"""alinea's data layer: models, the canonical TinyDB file, the Workspace facade, merge and sync.

Nothing here imports textual, rich or tui, and nothing happens at import time.
"""
