"""Iteration: a script asks for the semantic patch to run again, on some files, with other virtual rules and identifiers."""


class Iteration:
    def __init__(self):
        self.files = None
        self.virtual_rules = []
        self.virtual_identifiers = []
        self.extend_virtual_ids = False

    def set_files(self, files):
        self.files = list(files)

    def add_virtual_rule(self, rule):
        self.virtual_rules.append(rule)

    def add_virtual_identifier(self, name, value):
        self.virtual_identifiers.append((name, value))

    def set_extend_virtual_ids(self, value):
        self.extend_virtual_ids = bool(value)

    def register(self):
        from . import _the_cocci
        _the_cocci.add_pending_instance(self.files, self.virtual_rules, self.virtual_identifiers, self.extend_virtual_ids)
