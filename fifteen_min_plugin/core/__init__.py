"""Domain logic: no widgets here, only qgis.core and the scientific stack."""
