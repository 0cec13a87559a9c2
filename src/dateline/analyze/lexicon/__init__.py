"""Word lists as data, apart from the rules that read them.

General English: ``calendar`` (months, weekdays, holidays), ``numbers`` (number words),
``reporting`` (reporting verbs and the nouns around saying), ``speakers`` (nouns,
titles and pronouns of who speaks). Words of one story (its places, armed groups, named dates)
are never here: they live in story lexicons (``story``), loaded explicitly.
"""
