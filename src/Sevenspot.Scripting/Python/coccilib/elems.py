"""Values handed to script rules."""


class Location:
    """One place of a position metavariable: line numbers are 1-based, columns 0-based (as strings)."""

    def __init__(self, file, current_element, line, column, line_end, column_end):
        self.file = file
        self.current_element = current_element
        self.line = line
        self.column = column
        self.line_end = line_end
        self.column_end = column_end

    def __repr__(self):
        return "Location(%s:%s:%s-%s:%s in %s)" % (
            self.file, self.line, self.column, self.line_end, self.column_end, self.current_element)


class TermList:
    """A list metavariable: str() gives the whole list, indexing gives its elements."""

    def __init__(self, text, elements):
        self.expr = text
        self.elements = elements

    def __getitem__(self, index):
        return self.elements[index]

    def __len__(self):
        return len(self.elements)

    def __iter__(self):
        return iter(self.elements)

    def __str__(self):
        return self.expr

    def __repr__(self):
        return repr(self.expr)
