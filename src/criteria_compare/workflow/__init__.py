"""What a reviewer does with a comparison, with no Qt: the CLI and the GUI both call these functions.

Modules (import the one you need; only ``create`` and ``realign`` load the aligner)::

    create     build_project, create_comparison (import + create + first alignment)
    opening    open_project (open for reviewing, cancellable)
    sample     the bundled sample: sample_project_path, build_sample, open_sample
    realign    aligner_settings, realign, refit_project (runs the aligner, stores the result)
    copying    save_copy (a consistent copy of an open project)
    merge      merge (three-way merge of reviewer copies into a new file), check_same_comparison
    merge_plan the merge itself on decision elements (no files): plan_merge, apply_value
    merge_resolve  resolve / undo / redo a stored merge conflict (ours, theirs, an edited note)
    bulk       clear_winners (the "confirm clear winners" rule)
    exclusion  exclude, restore (a criterion that is not a requirement)
    update     plan_update, apply_update, confirm_carried (a new edition of either program)
    changes    changed_texts (old and new texts under a suspect decision, for the redline)
"""
