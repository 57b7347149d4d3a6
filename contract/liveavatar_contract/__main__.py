"""`python -m liveavatar_contract`: run the contract suite."""

from liveavatar_contract._entry import main

raise SystemExit(main())
