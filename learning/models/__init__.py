from .assignments import Assignment
from .audiences import Audience
from .certificates import Certificate
from .pages import CourseIndexPage, LessonPage, TrainingModulePage
from .progress import Enrollment, LessonCompletion, QuizAttempt, QuizVersion, ReflectionAnswer

__all__ = [
    "Assignment",
    "Audience",
    "Certificate",
    "CourseIndexPage",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "QuizAttempt",
    "QuizVersion",
    "ReflectionAnswer",
    "TrainingModulePage",
]
