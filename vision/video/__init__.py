"""Video: decoding, frame sampling and step detection."""
