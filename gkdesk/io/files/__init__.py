"""Files on disk whatever their type: atomic writes, bounded reading of zip packages, XML and small text files."""
