"""Web pages: reading saved report pages (.html, .htm, .mht, .mhtml) and writing the portal page."""
