struct page *f(int flags, struct folio *folio)
{
	if ((flags & HEAD) || !folio || is_value(folio))
		return &folio->page;
	if (!folio || is_value(folio))
		return &folio->page;
	if (a || (!folio && c) || d)
		return &folio->page;
	if (c && !folio)
		return &folio->page;
	if ((a || !folio) || b)
		return &folio->page;
	if (a || f(!folio))
		return &folio->page;
	if (a && !folio)
		return &folio->page;
	if (folio == NULL || a)
		return folio->next;
	if (a || b || folio == NULL)
		return folio->next;
	if (folio == NULL)
		return folio->next;
	return folio_file_page(folio);
}
