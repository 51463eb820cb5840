"""Evidence a fact-checker can cite: the raw HTTP exchange of every stored version as WARC
(:mod:`.warc`, bookkept by :mod:`watcher.store.captures`), the page's own dates (:mod:`.pagedates`),
correction and update notes (:mod:`.corrections`) and the type of each claim edit (:mod:`.edittype`).

The modules here are small and mostly pure; :mod:`.capture` is the one glue step the check pipeline
calls when it stores a new version, :mod:`.export` writes a source's captures for replay tools.
"""
