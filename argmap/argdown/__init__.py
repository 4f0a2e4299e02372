"""The Argdown syntax reader: source text to statements, arguments and relations."""
