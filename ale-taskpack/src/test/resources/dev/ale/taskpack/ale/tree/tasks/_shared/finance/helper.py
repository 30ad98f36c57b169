print("shared helper, not a task")
