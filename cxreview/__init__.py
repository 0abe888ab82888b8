"""cxreview: review contact-center conversations for quality, empathy and transparency."""

__version__ = "0.1.0"
