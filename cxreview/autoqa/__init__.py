"""AutoQA: suggested scores learnt from the team's own reviews, with their measured agreement.

features.py turns a conversation into figures a person can read, model.py fits one small
model per criterion (JSON parameters), agreement.py measures it against the reviewers by
cross-validation, train.py and score.py run the two jobs on the store. See docs/autoqa.md.
"""
