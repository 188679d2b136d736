long __wrap_0 (struct pci_dev *pdev, int bar) {
	trace_entry();
	return pdev->irq;
}
long __wrap_1 (struct pci_dev *pdev, struct device *parent) {
	trace_entry();
	return parent->id;
}
