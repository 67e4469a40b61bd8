"""Python-Markdown extensions for publishing citable legal texts.

They hold the document logic of the site (paragraph ids, original footnote
numbers, French typography, content safety) so that it does not depend on the
site engine.
"""
