"""`python -m liveavatar_contract`: run the contract suite."""

from liveavatar_contract._cli import main

raise SystemExit(main())
