long probe (struct pci_dev *pdev, int bar) {
	return pdev->irq;
}
long detach (struct pci_dev *pdev, struct device *parent) {
	return parent->id;
}
