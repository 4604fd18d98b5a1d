"""The evaluation harness: labelled site collections, label corrections, and the comparison of
extracted evidence with the labels (`python -m prospect_intel.evaluation ROOT`)."""
