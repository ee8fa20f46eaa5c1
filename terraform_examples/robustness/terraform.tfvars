notebook_internet = "Enabled"
