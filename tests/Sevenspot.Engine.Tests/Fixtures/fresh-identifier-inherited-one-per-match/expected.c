#ifdef CONFIG_FAST_PROBE
long __wrap_0 (struct pci_dev *pdev, const struct pci_device_id *id) {
	trace_entry();
	pdev->class = id->driver_data;
	return pdev->irq;
}

long probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return __wrap_0();
}
#else
long __wrap_1 (struct pci_dev *pdev) {
	trace_entry();
	pdev->class = 0;
	return pdev->irq;
}

long probe(struct pci_dev *pdev)
{
	return __wrap_1();
}
#endif
